package cn.luoyang.pollution.systemtests.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * A template lifecycle compiled once into a tree that stamps out clones: every identity in it
 * (the tracking number, and with it the case id {@code CASE-<tracking number>} and every text
 * that quotes it; each UUID-looking string, also inside longer strings such as
 * {@code rec-<uuid>} or {@code CASE-…/DISPATCHED/<uuid>}; the source ticket in the natural key;
 * each ObjectId and binary UUID) becomes a numbered token, and each clone draws one fresh value
 * per token, so the same old id becomes the same new id in every document of that clone and
 * references stay intact. Every date moves back by the clone's age. Everything else (hashes, the
 * sealed phone, categories, texts) is shared with the template, unchanged.
 *
 * <p>Compiling once matters: a million lifecycles are about thirteen million documents, too many
 * to run regular expressions over every string of every copy.
 */
final class SeedPattern {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final long DAY_MILLIS = 86_400_000L;

    private final SeedTemplate template;
    private final List<Token> tokens = new ArrayList<>();
    private final Map<Object, Integer> tokenIds = new HashMap<>();
    private final List<Node> documents = new ArrayList<>();
    private long earliestMillis = Long.MAX_VALUE;

    private enum Kind { TRACKING_NUMBER, TICKET, UUID, OBJECT_ID, BINARY_UUID }

    private record Token(Kind kind, Object original) {
    }

    /** A lifecycle that quotes another complaint's tracking number (e.g. merged into its case) cannot be cloned alone. */
    static final class ForeignLifecycle extends RuntimeException {
        ForeignLifecycle(String message) {
            super(message);
        }
    }

    private SeedPattern(SeedTemplate template) {
        this.template = template;
        for (SeedDocument d : template.documents()) {
            documents.add(compile(d.document()));
        }
    }

    static SeedPattern compile(SeedTemplate template) {
        return new SeedPattern(template);
    }

    SeedTemplate template() {
        return template;
    }

    /**
     * The clone filed on {@code day} under {@code trackingNumber}: one new document per template
     * document, in the template's order. {@code random} draws the new ids and the time of day.
     */
    List<Document> instantiate(String trackingNumber, LocalDate day, SplittableRandom random) {
        Object[] values = new Object[tokens.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fresh(tokens.get(i), trackingNumber, random);
        }
        long shift = shiftMillis(day, random);
        List<Document> clone = new ArrayList<>(documents.size());
        for (Node n : documents) {
            clone.add((Document) n.make(values, shift));
        }
        return clone;
    }

    /**
     * Back by whole days to {@code day}, then earlier within that day by a random amount that
     * keeps the lifecycle's first instant on {@code day} (in the city's time zone).
     */
    long shiftMillis(LocalDate day, SplittableRandom random) {
        long days = template.day().toEpochDay() - day.toEpochDay();
        if (earliestMillis == Long.MAX_VALUE) {
            return days * DAY_MILLIS;
        }
        long startOfDay = template.day().atStartOfDay(SeedPlan.CITY_ZONE).toInstant().toEpochMilli();
        long room = earliestMillis - startOfDay;
        return days * DAY_MILLIS + (room > 1 && room < DAY_MILLIS ? random.nextLong(room) : 0);
    }

    private Object fresh(Token token, String trackingNumber, SplittableRandom random) {
        return switch (token.kind()) {
            case TRACKING_NUMBER -> trackingNumber;
            case TICKET -> token.original() + "-" + trackingNumber;
            case UUID -> {
                String s = new java.util.UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
                yield Character.isUpperCase(firstLetter((String) token.original())) ? s.toUpperCase(java.util.Locale.ROOT) : s;
            }
            case OBJECT_ID -> new ObjectId();
            case BINARY_UUID -> {
                byte[] bytes = new byte[16];
                for (int i = 0; i < 16; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                yield new Binary(((Binary) token.original()).getType(), bytes);
            }
        };
    }

    private static char firstLetter(String s) {
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                return c;
            }
        }
        return 'a';
    }

    private int tokenOf(Kind kind, Object original) {
        return tokenIds.computeIfAbsent(kind == Kind.TRACKING_NUMBER || kind == Kind.TICKET ? kind : original, k -> {
            tokens.add(new Token(kind, original));
            return tokens.size() - 1;
        });
    }

    // ---- compiling ----------------------------------------------------------------------------

    private Node compile(Object value) {
        if (value instanceof Document d) {
            List<Node> keys = new ArrayList<>(d.size());
            List<Node> values = new ArrayList<>(d.size());
            boolean fixed = true;
            for (Map.Entry<String, Object> e : d.entrySet()) {
                Node k = compile(e.getKey());
                Node v = compile(e.getValue());
                fixed &= k instanceof Fixed && v instanceof Fixed;
                keys.add(k);
                values.add(v);
            }
            return fixed ? new Fixed(d) : new DocumentNode(keys.toArray(Node[]::new), values.toArray(Node[]::new));
        }
        if (value instanceof List<?> list) {
            List<Node> items = list.stream().map(this::compile).toList();
            return items.stream().allMatch(n -> n instanceof Fixed) ? new Fixed(list) : new ListNode(items.toArray(Node[]::new));
        }
        if (value instanceof String s) {
            return compileText(s);
        }
        if (value instanceof Date date) {
            earliestMillis = Math.min(earliestMillis, date.getTime());
            return new DateNode(date.getTime());
        }
        if (value instanceof ObjectId id) {
            return new TokenNode(tokenOf(Kind.OBJECT_ID, id));
        }
        if (value instanceof Binary b && b.length() == 16
                && (b.getType() == BsonBinarySubType.UUID_STANDARD.getValue() || b.getType() == BsonBinarySubType.UUID_LEGACY.getValue())) {
            return new TokenNode(tokenOf(Kind.BINARY_UUID, b));
        }
        return new Fixed(value);
    }

    /** Splits a string into literal parts and tokens; a ticket counts only as the whole string or after {@code source:}. */
    private Node compileText(String s) {
        String ticket = template.ticket();
        if (ticket != null && !ticket.isEmpty() && (s.equals(ticket) || s.endsWith(":" + ticket))) {
            String prefix = s.substring(0, s.length() - ticket.length());
            return new TextNode(prefix.isEmpty() ? new Object[] {tokenOf(Kind.TICKET, ticket)}
                    : new Object[] {prefix, tokenOf(Kind.TICKET, ticket)});
        }
        List<Object> parts = new ArrayList<>();
        int at = 0;
        Matcher tn = SeedPlan.trackingNumberPattern().matcher(s);
        Matcher uuid = UUID.matcher(s);
        boolean moreTn = tn.find(), moreUuid = uuid.find();
        while (moreTn || moreUuid) {
            boolean takeTn = moreTn && (!moreUuid || tn.start() <= uuid.start());
            Matcher m = takeTn ? tn : uuid;
            if (m.start() >= at) {
                if (m.start() > at) {
                    parts.add(s.substring(at, m.start()));
                }
                String found = m.group();
                if (takeTn && !found.equals(template.trackingNumber())) {
                    throw new ForeignLifecycle(template.trackingNumber() + " quotes another tracking number " + found + " in \"" + s + "\"");
                }
                parts.add(takeTn ? tokenOf(Kind.TRACKING_NUMBER, found) : tokenOf(Kind.UUID, found));
                at = m.end();
            }
            if (takeTn) {
                moreTn = tn.find();
            } else {
                moreUuid = uuid.find();
            }
        }
        if (parts.isEmpty()) {
            return new Fixed(s);
        }
        if (at < s.length()) {
            parts.add(s.substring(at));
        }
        return new TextNode(parts.toArray());
    }

    // ---- the compiled tree --------------------------------------------------------------------

    private sealed interface Node permits Fixed, TextNode, DateNode, TokenNode, DocumentNode, ListNode {
        Object make(Object[] values, long shiftMillis);
    }

    /** Shared by every clone: nothing in it changes, and the driver only reads it. */
    private record Fixed(Object value) implements Node {
        public Object make(Object[] values, long shiftMillis) {
            return value;
        }
    }

    private record TextNode(Object[] parts) implements Node {
        public Object make(Object[] values, long shiftMillis) {
            StringBuilder b = new StringBuilder();
            for (Object p : parts) {
                b.append(p instanceof Integer token ? values[token] : p);
            }
            return b.toString();
        }
    }

    private record DateNode(long millis) implements Node {
        public Object make(Object[] values, long shiftMillis) {
            return new Date(millis - shiftMillis);
        }
    }

    private record TokenNode(int token) implements Node {
        public Object make(Object[] values, long shiftMillis) {
            return values[token];
        }
    }

    private record DocumentNode(Node[] keys, Node[] values) implements Node {
        public Object make(Object[] tokens, long shiftMillis) {
            Document d = new Document();
            for (int i = 0; i < keys.length; i++) {
                d.put((String) keys[i].make(tokens, shiftMillis), values[i].make(tokens, shiftMillis));
            }
            return d;
        }
    }

    private record ListNode(Node[] items) implements Node {
        public Object make(Object[] values, long shiftMillis) {
            List<Object> list = new ArrayList<>(items.length);
            for (Node n : items) {
                list.add(n.make(values, shiftMillis));
            }
            return list;
        }
    }
}

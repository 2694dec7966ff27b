package cn.luoyang.pollution.hotline;

import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.HpkeSuite;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotline kit's command line: publish report files, seal one number, or print the HPKE suite of
 * the platform's key. {@code java -jar hotline-kit/target/hotline-kit-0.1.0-SNAPSHOT.jar --help}.
 * Exit codes: 0 done, 1 a report the broker did not take (publish it again), 2 wrong usage or input.
 */
public final class HotlineCommand {

    static final String HELP = """
            Usage:
              hotline-kit publish --bootstrap HOST:PORT --source SYSTEM (--key-url URL | --key-file FILE)
                                  [--kafka-config FILE] REPORT.json...
                  seals each report's phone and publishes it on complaints.submitted, keyed by SYSTEM:ticketId
                  (the same ticket again makes no second complaint); a file holds one report or an array
              hotline-kit seal (--key-url URL | --key-file FILE) PHONE
                  prints the phone's kind, mask and sealed form as JSON
              hotline-kit suite (--key-url URL | --key-file FILE)
                  prints the HPKE suite (RFC 9180 identifiers, raw public key, info, Tink prefix)

              --key-url   complaint-service's GET /api/reporter-contact-key, e.g. http://127.0.0.1:8081/api/reporter-contact-key
              --key-file  a Tink JSON public keyset (./run writes var/keys/reporter-contact.public.json)
              --kafka-config  Kafka client properties (security.protocol, ssl.*, sasl.*) for the city's brokers

            A report: {"ticketId":"12345-20261206-0001","channel":"HOTLINE_12345","category":"AIR_CONSTRUCTION_DUST",
              "description":"…","location":{"longitude":112.383,"latitude":34.6197,"datum":"GCJ02"},
              "addressText":"…","observedAt":"2026-12-06T07:30:00+08:00","happeningNow":true,"phone":"0379-63211234"}
            (location and addressText optional: the place may be in the description; phone null = anonymous)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private HotlineCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        try {
            Options options = Options.parse(args.subList(1, args.size()));
            switch (args.get(0)) {
                case "publish" -> {
                    return publish(options, out, err);
                }
                case "seal" -> {
                    ContactNumber number = PhoneNumbers.read(options.single("PHONE"));
                    Map<String, String> sealed = new LinkedHashMap<>();
                    sealed.put("phoneKind", number.kind().name());
                    sealed.put("maskedPhone", number.masked());
                    sealed.put("sealedPhone", ContactSealer.withPublicKeyset(options.publicKeyset()).seal(number.normalForm()));
                    out.println(JSON.writeValueAsString(sealed));
                    return 0;
                }
                case "suite" -> {
                    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(HpkeSuite.of(options.publicKeyset())));
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown command " + args.get(0) + " (publish, seal, suite)");
            }
        } catch (IllegalArgumentException | UncheckedIOException | JacksonException e) {
            err.println("hotline-kit: " + e.getMessage());
            return 2;
        }
    }

    private static int publish(Options options, PrintStream out, PrintStream err) {
        HotlinePublisher.Settings settings = new HotlinePublisher.Settings(options.required("--bootstrap"),
                options.required("--source"), options.publicKeyset(), options.kafkaConfig());
        List<HotlineReport> reports = new ArrayList<>();
        for (String file : options.files()) {
            reports.addAll(reportsIn(Path.of(file)));
        }
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no report files given");
        }
        int failed = 0;
        try (HotlinePublisher publisher = HotlinePublisher.connect(settings)) {
            for (HotlineReport report : reports) {
                try {
                    HotlinePublisher.Published p = publisher.publish(report);
                    out.println("published " + p.key() + " (event " + p.eventId() + ", partition " + p.partition()
                            + ", offset " + p.offset() + ")");
                } catch (HotlinePublisher.PublishFailed e) {
                    err.println("hotline-kit: " + e.getMessage());
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static List<HotlineReport> reportsIn(Path file) {
        try {
            JsonNode tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<HotlineReport> reports = new ArrayList<>();
            for (JsonNode node : tree.isArray() ? tree.values() : List.of(tree)) {
                HotlineReport r = JSON.treeToValue(node, HotlineReport.class);
                if (r.ticketId() == null || r.channel() == null || r.category() == null || r.description() == null) {
                    throw new IllegalArgumentException(file + ": every report needs ticketId, channel, category and description");
                }
                reports.add(r);
            }
            return reports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code --name value} pairs and the remaining arguments. */
    private record Options(Map<String, String> named, List<String> files) {

        static Options parse(List<String> args) {
            Map<String, String> named = new HashMap<>();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    named.put(a, args.get(++i));
                } else {
                    rest.add(a);
                }
            }
            return new Options(named, rest);
        }

        String required(String name) {
            String value = named.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required (--help)");
            }
            return value;
        }

        String single(String what) {
            if (files.size() != 1) {
                throw new IllegalArgumentException("give exactly one " + what);
            }
            return files.get(0);
        }

        String publicKeyset() {
            if (named.containsKey("--key-file")) {
                try {
                    return Files.readString(Path.of(named.get("--key-file")), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + named.get("--key-file"), e);
                }
            }
            return keysetAt(required("--key-url"));
        }

        Map<String, String> kafkaConfig() {
            Map<String, String> config = new HashMap<>();
            if (named.containsKey("--kafka-config")) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(Path.of(named.get("--kafka-config")), StandardCharsets.UTF_8)) {
                    p.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + named.get("--kafka-config"), e);
                }
                p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
            }
            return config;
        }

        private static String keysetAt(String url) {
            try {
                HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                        .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (answer.statusCode() != 200) {
                    throw new IllegalArgumentException(url + " answered " + answer.statusCode());
                }
                JsonNode keyset = JSON.readTree(answer.body()).path("keyset");
                if (keyset.isMissingNode()) {
                    throw new IllegalArgumentException(url + " has no \"keyset\"");
                }
                return keyset.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + url + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

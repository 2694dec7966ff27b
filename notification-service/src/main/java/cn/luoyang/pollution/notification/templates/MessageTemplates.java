package cn.luoyang.pollution.notification.templates;

import cn.luoyang.pollution.notification.messages.Milestone;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the text of a milestone message: the city's signature first (短信签名, e.g.
 * 【洛阳生态环境】), then the template with its {@code {slot}}s filled. A slot with no value renders
 * empty rather than leaking the slot name to a citizen.
 */
public final class MessageTemplates {

    private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Language language;
    private final String signature;
    private final Map<Milestone, String> templates;

    private MessageTemplates(Language language, String signature, Map<Milestone, String> templates) {
        this.language = language;
        this.signature = signature;
        this.templates = templates;
    }

    /** The built-in set of a language, with {@code overrides} (milestone → text) and an optional signature. */
    public static MessageTemplates of(Language language, String signature, Map<Milestone, String> overrides) {
        Map<Milestone, String> set = new EnumMap<>(Milestone.class);
        set.putAll(language == Language.EN ? DefaultTemplates.english() : DefaultTemplates.chinese());
        if (overrides != null) {
            overrides.forEach((milestone, text) -> {
                if (text != null && !text.isBlank()) {
                    set.put(milestone, text);
                }
            });
        }
        String sign = signature == null || signature.isBlank()
                ? (language == Language.EN ? DefaultTemplates.EN_SIGNATURE : DefaultTemplates.ZH_SIGNATURE)
                : signature;
        return new MessageTemplates(language, sign, set);
    }

    public static MessageTemplates chinese() {
        return of(Language.ZH, null, Map.of());
    }

    public String render(Milestone milestone, Map<String, String> values) {
        Matcher slots = SLOT.matcher(templates.get(milestone));
        StringBuilder text = new StringBuilder(signature);
        while (slots.find()) {
            String value = values.getOrDefault(slots.group(1), "");
            slots.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : value));
        }
        slots.appendTail(text);
        return text.toString();
    }

    public Language language() {
        return language;
    }

    public String signature() {
        return signature;
    }
}

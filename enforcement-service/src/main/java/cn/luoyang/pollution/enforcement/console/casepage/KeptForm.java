package cn.luoyang.pollution.enforcement.console.casepage;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused action's form as the person typed it (保留填写内容), carried over the redirect back to the
 * case page (a flash attribute, kept in the session for one request): which form, the text of each
 * field, and the refusal in the page's language beside the field it is about. Files cannot be put
 * back into a form by the server; the person chooses them again.
 *
 * @param verb    the form's verb as in its address ({@code close}, {@code return}, …)
 * @param field   the field the refusal is about, or null for the whole form
 */
public record KeptForm(String verb, Map<String, String> values, String field, String message) implements Serializable {

    /** No form was refused: every lookup answers null. */
    public static final KeptForm NONE = new KeptForm(null, Map.of(), null, null);

    static KeptForm of(String verb, ActionForm form, String field, String message) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "note", form.note());
        put(values, "reasonCode", form.reasonCode());
        put(values, "reason", form.reason());
        put(values, "deadline", form.deadline());
        put(values, "kind", form.kind());
        put(values, "amountYuan", form.amountYuan() == null ? null : form.amountYuan().toPlainString());
        put(values, "decisionNumber", form.decisionNumber());
        put(values, "reply", form.reply());
        put(values, "outcome", form.outcome());
        put(values, "days", form.days() == null ? null : form.days().toString());
        put(values, "resolved", form.resolved() == null ? null : form.resolved().toString());
        put(values, "evidenceText", form.evidenceText());
        put(values, "files", String.join("\n", form.chosenFiles()));
        put(values, "recordNumber", form.recordNumber());
        put(values, "recordSigner", form.recordSigner());
        put(values, "recordSignedAt", form.recordSignedAt());
        put(values, "recordFindings", form.recordFindings());
        return new KeptForm(verb, Map.copyOf(values), field, message);
    }

    /** The typed text of {@code name} in the refused form {@code verb}, else null. */
    public String value(String verb, String name) {
        return verb.equals(this.verb) ? values.get(name) : null;
    }

    /** True when the refused form {@code verb} had the upload {@code reference} ticked. */
    public boolean chose(String verb, String reference) {
        String files = value(verb, "files");
        return files != null && Arrays.asList(files.split("\n")).contains(reference);
    }

    /** True for the refused form: its section opens again. */
    public boolean opens(String verb) {
        return verb.equals(this.verb);
    }

    /** The refusal, when it is about {@code name} of the form {@code verb}. */
    public String at(String verb, String name) {
        return verb.equals(this.verb) && name.equals(field) ? message : null;
    }

    /** The refusal, when it is about none of the fields the form shows ({@code shown}, comma-separated). */
    public String outside(String verb, String shown) {
        return verb.equals(this.verb) && (field == null || Arrays.stream(shown.split(",")).noneMatch(field::equals)) ? message : null;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(name, value);
        }
    }
}

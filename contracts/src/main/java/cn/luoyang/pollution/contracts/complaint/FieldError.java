package cn.luoyang.pollution.contracts.complaint;

/** One broken rule of a submission: the JSON path of the field and a message a person can act on. */
public record FieldError(String field, String message) {
}

package cn.luoyang.pollution.complaint.media;

/** An upload that says it is a photo or video but whose bytes do not read as one. */
public class UnreadableMediaException extends RuntimeException {

    public UnreadableMediaException(String message) {
        super(message);
    }
}

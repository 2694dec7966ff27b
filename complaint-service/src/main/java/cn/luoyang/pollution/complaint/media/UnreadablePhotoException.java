package cn.luoyang.pollution.complaint.media;

/** An upload that says it is a photo but whose bytes do not decode as one. */
public class UnreadablePhotoException extends RuntimeException {

    public UnreadablePhotoException(String message) {
        super(message);
    }
}

package cn.luoyang.pollution.complaint.publication;

/** Where a complaint's publication is kept, beside the complaint itself. */
public interface Publications {

    /** Records the decision on the complaint with this tracking number; false when there is none. */
    boolean decide(String trackingNumber, Publication publication);
}

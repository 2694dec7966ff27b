package cn.luoyang.pollution.enforcement.rewards;

/** A decided or paid claim was asked to be decided again, or paid before approval: 409. */
public class ClaimDecided extends RuntimeException {

    public ClaimDecided(String message) {
        super(message);
    }
}

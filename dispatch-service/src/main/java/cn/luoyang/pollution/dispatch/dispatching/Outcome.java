package cn.luoyang.pollution.dispatch.dispatching;

/** What became of a complaint. QUEUED becomes ASSIGNED when the campaign office dispatches it by hand. */
public enum Outcome {
    DISPATCHED, MERGED, QUEUED, ASSIGNED
}

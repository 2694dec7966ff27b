package cn.luoyang.pollution.notification.sending;

import java.time.Instant;

/** Numbers (by keyed hash) whose owners replied "TD" (退订) and get no more messages. */
public interface OptOuts {

    boolean optedOut(String phoneHash);

    void optOut(String phoneHash, Instant at);
}

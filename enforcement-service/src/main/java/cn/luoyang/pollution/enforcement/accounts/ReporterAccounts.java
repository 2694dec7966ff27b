package cn.luoyang.pollution.enforcement.accounts;

import java.util.Collection;
import java.util.List;

/** The reporters' accounts this service has read, keyed by complaint id. */
public interface ReporterAccounts {

    /** Keeps the account unless one for its complaint is already kept: a redelivery changes nothing. */
    void record(ReporterAccount account);

    /** The accounts of these complaints that have arrived, oldest registration first. */
    List<ReporterAccount> of(Collection<String> complaintIds);
}

package cn.luoyang.pollution.dispatch.dispatching;

import java.util.List;
import java.util.Optional;

/** Dispatch's case files. */
public interface CaseFiles {

    Optional<CaseFile> byId(String caseId);

    void save(CaseFile file);

    List<CaseFile> withStatus(CaseStatus status);
}

package cn.luoyang.pollution.enforcement.cases;

public class CaseNotFound extends RuntimeException {

    public CaseNotFound(String caseId) {
        super("no case " + caseId);
    }
}

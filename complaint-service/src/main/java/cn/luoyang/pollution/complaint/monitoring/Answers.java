package cn.luoyang.pollution.complaint.monitoring;

/**
 * The receiver's answers as HJ 212-2017 defines them, sent only when the packet's Flag asks (bit A):
 * a data answer (数据应答, CN 9014) to an accepted upload, a request answer (请求应答, CN 9011) with its
 * QnRtn code to a packet refused after its header was read. System code 91 (系统交互), Flag 4 (the 2017
 * version, no answer wanted).
 */
public final class Answers {

    /** QnRtn: the password is wrong (3), the MN is wrong (4), the CN is wrong (8). */
    static final int WRONG_PW = 3;
    static final int WRONG_MN = 4;
    static final int WRONG_CN = 8;

    private Answers() {
    }

    public static byte[] data(Packet to) {
        return Frames.of(header(to, "9014") + "CP=&&&&");
    }

    public static byte[] request(Packet to, int qnRtn) {
        return Frames.of(header(to, "9011") + "CP=&&QnRtn=" + qnRtn + "&&");
    }

    private static String header(Packet to, String cn) {
        String qn = to.qn() == null ? "" : "QN=" + to.qn() + ";";
        return qn + "ST=91;CN=" + cn + ";PW=" + to.pw() + ";MN=" + to.mn() + ";Flag=4;";
    }
}

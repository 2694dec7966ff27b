package cn.luoyang.pollution.complaint.monitoring;

/**
 * One HJ 212-2017 packet (数据包) after its frame and CRC were checked: the data segment's fields.
 *
 * @param qn   request number (请求编码), {@code yyyyMMddHHmmssSSS}; null when the device sent none
 * @param st   system code (系统编码), e.g. 22 ambient air, 23 noise, 39/31 sources
 * @param cn   command code (命令编码), e.g. 2011 real-time data
 * @param pw   the access password as sent
 * @param mn   the device's unique number (设备唯一标识)
 * @param flag the flag byte (拆分包及应答标志); 0 when absent
 * @param cp   the command parameters between {@code CP=&&} and {@code &&}
 */
public record Packet(String qn, String st, String cn, String pw, String mn, int flag, String cp) {

    /** Flag bit A: the device asks for an answer. */
    public boolean wantsAnswer() {
        return (flag & 0b1) != 0;
    }
}

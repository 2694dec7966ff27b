package cn.luoyang.pollution.complaint.monitoring;

/**
 * The packet check of HJ 212-2017 (CRC 校验, its annex A): a reflected CRC-16 with polynomial 0xA001 and
 * initial value 0xFFFF over the data segment's bytes, where each byte is XORed into the register's
 * <em>high</em> byte shifted down (not into the low byte, as Modbus does). Sent as four hex digits.
 */
public final class Crc16 {

    private Crc16() {
    }

    public static int of(byte[] bytes, int from, int to) {
        int register = 0xFFFF;
        for (int i = from; i < to; i++) {
            register = (register >>> 8) ^ (bytes[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean carry = (register & 1) != 0;
                register >>>= 1;
                if (carry) {
                    register ^= 0xA001;
                }
            }
        }
        return register;
    }

    public static String hex(byte[] bytes, int from, int to) {
        return String.format("%04X", of(bytes, from, to));
    }
}

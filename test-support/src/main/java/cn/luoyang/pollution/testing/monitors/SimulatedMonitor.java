package cn.luoyang.pollution.testing.monitors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dust monitor at one site speaking HJ 212-2017 over its own TCP connection: it uploads real-time,
 * minute or hourly data (CN 2011/2051/2061) for PM10, PM2.5, TSP and noise, asks for an answer when
 * {@code wantsAnswers} (Flag 5, else 4), and records every answer it receives.
 */
public final class SimulatedMonitor implements AutoCloseable {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS");

    private final String mn;
    private final String password;
    private final boolean wantsAnswers;
    private final DustCurve curve;
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private volatile Double forcedPm10;
    private volatile boolean silent;
    private Socket socket;
    private OutputStream out;

    SimulatedMonitor(String mn, String password, boolean wantsAnswers, DustCurve curve) {
        this.mn = mn;
        this.password = password;
        this.wantsAnswers = wantsAnswers;
        this.curve = curve;
    }

    public String mn() {
        return mn;
    }

    public boolean wantsAnswers() {
        return wantsAnswers;
    }

    void connect(InetSocketAddress receiver) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(receiver, 5_000);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readAnswers, "monitor-" + mn);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAnswers() {
        try (var lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                answers.add(line);
            }
        } catch (IOException closed) {
            // the simulator closed the socket
        }
    }

    /** Uploads one reading measured at {@code dataTime}, unless silenced; true when it sent. */
    boolean report(Instant dataTime, Upload interval) throws IOException {
        if (silent) {
            return false;
        }
        double[] v = curve.at(dataTime);
        double pm10 = forcedPm10 != null ? forcedPm10 : v[0];
        double pm25 = forcedPm10 != null ? pm10 * 0.5 : v[1];
        double tsp = forcedPm10 != null ? pm10 * 1.6 : v[2];
        String cp = "DataTime=" + DATA_TIME.format(LocalDateTime.ofInstant(dataTime, BEIJING)) + ";"
                + factor("a34002", pm10, interval) + ";" + factor("a34004", pm25, interval) + ";"
                + factor("a34001", tsp, interval) + ";" + factor("LA", v[3], interval);
        send("QN=" + QN.format(LocalDateTime.ofInstant(dataTime, BEIJING)) + ";ST=22;CN=" + interval.cn()
                + ";PW=" + password + ";MN=" + mn + ";Flag=" + (wantsAnswers ? 5 : 4) + ";CP=&&" + cp + "&&");
        return true;
    }

    private static String factor(String code, double value, Upload interval) {
        if (interval == Upload.REAL_TIME) {
            return code + "-Rtd=" + number(value) + "," + code + "-Flag=N";
        }
        return code + "-Avg=" + number(value) + "," + code + "-Min=" + number(value * 0.8) + ","
                + code + "-Max=" + number(value * 1.25) + "," + code + "-Flag=N";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Sends a data segment as a packet of the standard. */
    public void send(String segment) throws IOException {
        sendRaw(Hj212Device.packet(segment));
    }

    /** Sends bytes as they are: for packets the standard would not allow. */
    public synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        sent.incrementAndGet();
    }

    /** Drives PM10 to this level (µg/m³) until {@link #normal()}; PM2.5 and TSP follow. */
    public void exceed(double pm10) {
        forcedPm10 = pm10;
    }

    public void normal() {
        forcedPm10 = null;
    }

    /** Stops reporting (a monitor that went offline) until {@link #resume()}. */
    public void silence() {
        silent = true;
    }

    public void resume() {
        silent = false;
    }

    public List<String> answers() {
        return List.copyOf(answers);
    }

    public long sent() {
        return sent.get();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}

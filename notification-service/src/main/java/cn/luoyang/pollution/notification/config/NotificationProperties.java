package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.templates.Language;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/** Everything under {@code notification.*}; see the README for each key and its environment variable. */
@ConfigurationProperties("notification")
public class NotificationProperties {

    /** recording (default, reaches no phone), smpp or http. */
    private String gateway = "recording";
    private List<Milestone> optionalMilestones = new ArrayList<>();
    private List<Milestone> urgentMilestones = new ArrayList<>();
    private int replySummaryLength = 60;
    private final Templates templates = new Templates();
    private final QuietHours quietHours = new QuietHours();
    private final Caps caps = new Caps();
    private final Sending sending = new Sending();
    private final Callbacks callbacks = new Callbacks();
    private final Outbox outbox = new Outbox();
    private Duration surveyWindow = Duration.ofDays(7);
    /** Base64 HMAC key for phone-number hashes; when empty, a key file in the keys directory is used. */
    private String phoneHashKey = "";

    public static class Templates {
        private Language language = Language.ZH;
        private String signature = "";
        private Map<Milestone, String> text = new EnumMap<>(Milestone.class);

        public Language getLanguage() { return language; }
        public void setLanguage(Language language) { this.language = language; }
        public String getSignature() { return signature; }
        public void setSignature(String signature) { this.signature = signature; }
        public Map<Milestone, String> getText() { return text; }
        public void setText(Map<Milestone, String> text) { this.text = text; }
    }

    /** The callback worklist (回访): how many calls before a task ends NOT_REACHED, and the pause between them. */
    /** The kit's outbox relays (sms_messages, surveys, callback_tasks); the sweep interval is read by {@code OutboxSweep}. */
    public static class Outbox {
        /** How long a relay's claim on a document holds: an instance that died while publishing is taken over after it. */
        private Duration lease = Duration.ofMinutes(1);
        private boolean sweepEnabled = true;
        private Duration sweepInterval = Duration.ofSeconds(2);

        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public boolean isSweepEnabled() { return sweepEnabled; }
        public void setSweepEnabled(boolean sweepEnabled) { this.sweepEnabled = sweepEnabled; }
        public Duration getSweepInterval() { return sweepInterval; }
        public void setSweepInterval(Duration sweepInterval) { this.sweepInterval = sweepInterval; }
    }

    public static class Callbacks {
        private int maxTries = 3;
        private Duration retryPause = Duration.ofHours(2);

        public int getMaxTries() { return maxTries; }
        public void setMaxTries(int maxTries) { this.maxTries = maxTries; }
        public Duration getRetryPause() { return retryPause; }
        public void setRetryPause(Duration retryPause) { this.retryPause = retryPause; }
    }

    public static class QuietHours {
        /** Empty = on for gateways that reach phones (smpp, http), off for the recording gateway. */
        private Boolean enabled;
        private LocalTime start = LocalTime.of(21, 0);
        private LocalTime end = LocalTime.of(8, 0);
        private String zone = "Asia/Shanghai";

        public Boolean getEnabled() { return enabled; }
        public void setEnabled(Boolean enabled) { this.enabled = enabled; }
        public LocalTime getStart() { return start; }
        public void setStart(LocalTime start) { this.start = start; }
        public LocalTime getEnd() { return end; }
        public void setEnd(LocalTime end) { this.end = end; }
        public String getZone() { return zone; }
        public void setZone(String zone) { this.zone = zone; }
    }

    public static class Caps {
        /** Empty = on for gateways that reach phones (smpp, http), off for the recording gateway. */
        private Boolean enabled;
        private int perMinute = 3;
        private int perHour = 10;
        private int perDay = 20;

        public Boolean getEnabled() { return enabled; }
        public void setEnabled(Boolean enabled) { this.enabled = enabled; }
        public int getPerMinute() { return perMinute; }
        public void setPerMinute(int perMinute) { this.perMinute = perMinute; }
        public int getPerHour() { return perHour; }
        public void setPerHour(int perHour) { this.perHour = perHour; }
        public int getPerDay() { return perDay; }
        public void setPerDay(int perDay) { this.perDay = perDay; }
    }

    /** How the sending loop (发送) works through the queue: {@code notification.sending.*}. */
    public static class Sending {
        private Duration pollInterval = Duration.ofMillis(500);
        private int batch = 50;
        private int workers = 4;
        private Duration lease = Duration.ofMinutes(2);
        private Duration contactWait = Duration.ofHours(1);
        private Duration retryInitial = Duration.ofSeconds(2);
        private Duration retryMax = Duration.ofMinutes(5);
        private Duration giveUpAfter = Duration.ofDays(2);

        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public int getBatch() { return batch; }
        public void setBatch(int batch) { this.batch = batch; }
        public int getWorkers() { return workers; }
        public void setWorkers(int workers) { this.workers = workers; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public Duration getContactWait() { return contactWait; }
        public void setContactWait(Duration contactWait) { this.contactWait = contactWait; }
        public Duration getRetryInitial() { return retryInitial; }
        public void setRetryInitial(Duration retryInitial) { this.retryInitial = retryInitial; }
        public Duration getRetryMax() { return retryMax; }
        public void setRetryMax(Duration retryMax) { this.retryMax = retryMax; }
        public Duration getGiveUpAfter() { return giveUpAfter; }
        public void setGiveUpAfter(Duration giveUpAfter) { this.giveUpAfter = giveUpAfter; }
    }

    public boolean reachesPhones() {
        return !"recording".equalsIgnoreCase(gateway);
    }

    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
    public List<Milestone> getOptionalMilestones() { return optionalMilestones; }
    public void setOptionalMilestones(List<Milestone> optionalMilestones) { this.optionalMilestones = optionalMilestones; }
    public List<Milestone> getUrgentMilestones() { return urgentMilestones; }
    public void setUrgentMilestones(List<Milestone> urgentMilestones) { this.urgentMilestones = urgentMilestones; }
    public int getReplySummaryLength() { return replySummaryLength; }
    public void setReplySummaryLength(int replySummaryLength) { this.replySummaryLength = replySummaryLength; }
    public Templates getTemplates() { return templates; }
    public QuietHours getQuietHours() { return quietHours; }
    public Caps getCaps() { return caps; }
    public Sending getSending() { return sending; }
    public Callbacks getCallbacks() { return callbacks; }
    public Outbox getOutbox() { return outbox; }

    /**
     * The former prefix {@code notification.dispatch.*}, still read (deploy files and environment
     * variables such as {@code NOTIFICATION_DISPATCH_RETRYMAX} use it): it binds into the same
     * settings, and a {@code notification.sending.*} key set as well wins, being bound after it.
     */
    @Deprecated
    @DeprecatedConfigurationProperty(replacement = "notification.sending")
    public Sending getDispatch() { return sending; }
    public Duration getSurveyWindow() { return surveyWindow; }
    public void setSurveyWindow(Duration surveyWindow) { this.surveyWindow = surveyWindow; }
    public String getPhoneHashKey() { return phoneHashKey; }
    public void setPhoneHashKey(String phoneHashKey) { this.phoneHashKey = phoneHashKey; }
}

package cn.luoyang.pollution.dispatch.support;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.DeadlineProfile;
import cn.luoyang.pollution.dispatch.SealingResponsibleMobiles;
import cn.luoyang.pollution.dispatch.campaigns.CampaignCalendar;
import cn.luoyang.pollution.dispatch.campaigns.CampaignPeriod;
import cn.luoyang.pollution.dispatch.dispatching.Complaint;
import cn.luoyang.pollution.dispatch.dispatching.DispatchDesk;
import cn.luoyang.pollution.dispatch.dispatching.Dispatcher;
import cn.luoyang.pollution.dispatch.duplicates.Closures;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.queue.ManualQueue;
import cn.luoyang.pollution.dispatch.queue.QueueClock;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Registry;
import cn.luoyang.pollution.dispatch.registry.SourceDraft;
import cn.luoyang.pollution.dispatch.returns.ReturnPolicy;
import cn.luoyang.pollution.dispatch.returns.Returns;
import cn.luoyang.pollution.dispatch.rules.CurrentAlert;
import cn.luoyang.pollution.dispatch.rules.RuleBook;
import cn.luoyang.pollution.dispatch.rules.RuleTableValidation;
import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The whole dispatch domain over in-memory ports, with the default rules and a fixed clock; fresh per test. */
public final class World {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** 2026-11-28 10:00 Beijing time. */
    public static final Instant MORNING = Instant.parse("2026-11-28T02:00:00Z");

    public final Catalogue catalogue = Catalogue.defaults();
    public final Jurisdiction jurisdiction = Luoyang.jurisdiction();
    public final Clock clock = Clock.fixed(MORNING, CITY);
    public final InMemory.RecordingEvents events = new InMemory.RecordingEvents();
    public final InMemory.DecisionStore decisions = new InMemory.DecisionStore(events);
    public final InMemory.CaseStore cases = new InMemory.CaseStore(events);
    public final InMemory.SourceStore sourceStore = new InMemory.SourceStore();
    public final InMemory.CellStore cells = new InMemory.CellStore();
    private final AtomicInteger sequence = new AtomicInteger();
    public final Supplier<String> ids = () -> "id-" + sequence.incrementAndGet();
    /** The reporter-contact key pair of this world: the registry seals with its public half, a test opens with the private. */
    public final ContactKeys.KeyPair contactKeys = ContactKeys.generate();
    public final Registry registry;
    public final RuleBook rules;
    public final CurrentAlert alert;
    public final OpenCases openCases;
    public final Dispatcher dispatcher;
    public final DispatchDesk desk;
    public final Returns returns;
    public final Closures closures;
    public final ManualQueue queue;
    public final InMemory.RosterStore rosterStore = new InMemory.RosterStore();
    public final GridRoster roster;
    public final CampaignCalendar campaigns;
    public final InMemory.QueueClockStore queueClocks = new InMemory.QueueClockStore(events);
    public final QueueClock queueClock;

    public World() {
        this(2, 200, Duration.ofHours(24));
    }

    public World(int maxReturns, double mergeMetres, Duration mergeWindow) {
        registry = new Registry(sourceStore, jurisdiction, catalogue, clock,
                () -> "SRC-" + sequence.incrementAndGet(), 300, new SealingResponsibleMobiles(contactKeys.publicKeyset()));
        rules = new RuleBook(new InMemory.TableStore(), new RuleTableValidation(catalogue,
                jurisdiction.districts().all().stream().map(District::code).toList()), clock);
        rules.start(SeedTable::defaults);
        alert = new CurrentAlert(new InMemory.AlertStore(), clock);
        openCases = new OpenCases(cells, mergeMetres, mergeWindow);
        roster = new GridRoster(rosterStore, id -> jurisdiction.grids().byId(id).isPresent(), clock);
        campaigns = campaigns(List.of());
        dispatcher = new Dispatcher(jurisdiction, registry, rules, openCases, alert::level, catalogue, CITY, roster, campaigns);
        desk = new DispatchDesk(dispatcher, decisions, cases, openCases, events.relay(InMemory.DecisionStore.COLLECTION), clock,
                ids);
        returns = new Returns(cases, rules, registry, alert::level, catalogue, new ReturnPolicy(maxReturns),
                events.relay(InMemory.CaseStore.COLLECTION), clock, CITY, ids, roster, campaigns);
        closures = new Closures(cases, openCases, clock);
        queue = new ManualQueue(decisions, cases, openCases, jurisdiction, catalogue,
                events.relay(InMemory.DecisionStore.COLLECTION), clock, ids, roster, DeadlineProfile.builtInNames());
        queueClock = new QueueClock(decisions, queueClocks, events.relay(InMemory.QueueClockStore.COLLECTION), clock,
                Duration.ofHours(4), ids);
    }

    /** A calendar of these periods on this world's clock, validated against its catalogue and districts. */
    public CampaignCalendar campaigns(List<CampaignPeriod> periods) {
        return campaigns(periods, clock);
    }

    public CampaignCalendar campaigns(List<CampaignPeriod> periods, Clock at) {
        return new CampaignCalendar(periods, DeadlineProfile.builtInNames(), at, CITY,
                code -> catalogue.category(code).isPresent(), code -> jurisdiction.districts().byCode(code).isPresent());
    }

    public ComplaintRegistered registered(String complaintId, String category, GeoPoint location, String address, Instant observedAt) {
        return new ComplaintRegistered("ev-" + complaintId, complaintId, "LY20261128-" + complaintId, "hotline", null,
                Channel.values()[0], category, null, "test complaint", location, address, observedAt, true, List.of(), null,
                false, observedAt, ComplaintRegistered.VERSION);
    }

    public Complaint complaint(String category, GeoPoint location, String address, Instant at) {
        return new Complaint("c-explain", "LY-EXPLAIN", category, location, address, "test complaint", at, null);
    }

    public PollutionSource site(String id, GeoPoint at, long investmentWanYuan, String ownerSystem) {
        return registry.register(new SourceDraft(id, "CONSTRUCTION_SITE", "工地 " + id, at.longitude(), at.latitude(), "GCJ02",
                null, "某建设公司", "张局长", "李经理", investmentWanYuan, ownerSystem, null));
    }

    public PollutionSource source(String id, String type, GeoPoint at, String waterBody) {
        return registry.register(new SourceDraft(id, type, type + " " + id, at.longitude(), at.latitude(), "GCJ02", null,
                "某单位", "王领导", "赵责任人", null, null, waterBody));
    }
}

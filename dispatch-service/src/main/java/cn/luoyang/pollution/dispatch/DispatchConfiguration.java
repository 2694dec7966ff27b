package cn.luoyang.pollution.dispatch;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.dispatch.campaigns.CampaignCalendar;
import cn.luoyang.pollution.dispatch.campaigns.json.CampaignFile;
import cn.luoyang.pollution.dispatch.campaigns.CampaignPeriod;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.DispatchDesk;
import cn.luoyang.pollution.dispatch.dispatching.Dispatcher;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoCaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoDecisions;
import cn.luoyang.pollution.dispatch.duplicates.Closures;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.duplicates.persistence.MongoMergeCells;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.grids.persistence.MongoRosters;
import cn.luoyang.pollution.dispatch.jurisdiction.DistrictMap;
import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.json.Territories;
import cn.luoyang.pollution.dispatch.queue.ManualQueue;
import cn.luoyang.pollution.dispatch.queue.QueueClock;
import cn.luoyang.pollution.dispatch.queue.persistence.MongoQueueClocks;
import cn.luoyang.pollution.dispatch.registry.Registry;
import cn.luoyang.pollution.dispatch.registry.ResponsibleMobiles;
import cn.luoyang.pollution.dispatch.registry.Sources;
import cn.luoyang.pollution.dispatch.registry.persistence.MongoSources;
import cn.luoyang.pollution.dispatch.returns.ReturnPolicy;
import cn.luoyang.pollution.dispatch.returns.Returns;
import cn.luoyang.pollution.dispatch.rules.CurrentAlert;
import cn.luoyang.pollution.dispatch.rules.RuleBook;
import cn.luoyang.pollution.dispatch.rules.RuleTableValidation;
import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoAlertLevelStore;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoRuleTables;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the plain-Java domain to its adapters; the domain itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
public class DispatchConfiguration {

    private static final Supplier<String> RANDOM_IDS = () -> UUID.randomUUID().toString();

    @Bean
    Catalogue catalogue() {
        return Catalogue.defaults();
    }

    @Bean
    Jurisdiction jurisdiction(DispatchProperties properties, ResourceLoader resources) {
        DispatchProperties.Territory t = properties.territory();
        return Territories.load(location -> open(resources, location), t.districtsFile(), t.countiesFile(), t.townshipsFile(),
                t.villagesFile(), t.gridFile(), t.boundaryToleranceMetres(), t.gridCellKm());
    }

    @Bean
    Sources sources(MongoTemplate mongo) {
        return new MongoSources(mongo);
    }

    @Bean
    Registry registry(Sources sources, Jurisdiction jurisdiction, Catalogue catalogue, Clock clock,
            DispatchProperties properties, ResponsibleMobiles mobiles) {
        return new Registry(sources, jurisdiction, catalogue, clock,
                () -> "SRC-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(), properties.registry().linkMetres(),
                mobiles);
    }

    @Bean
    RuleBook ruleBook(MongoTemplate mongo, Catalogue catalogue, Jurisdiction jurisdiction, Clock clock,
            DispatchProperties properties, ResourceLoader resources) {
        DistrictMap districts = jurisdiction.districts();
        RuleBook book = new RuleBook(new MongoRuleTables(mongo),
                new RuleTableValidation(catalogue, districts.all().stream().map(District::code).toList(),
                        properties.campaigns().profilesShortestFirst()), clock, properties.tablesTtl(), System::nanoTime);
        book.start(() -> {
            try (InputStream in = open(resources, properties.rules().seedFile())) {
                return SeedTable.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return book;
    }

    @Bean
    CurrentAlert currentAlert(MongoTemplate mongo, Clock clock) {
        return new CurrentAlert(new MongoAlertLevelStore(mongo), clock);
    }

    @Bean
    OpenCases openCases(MongoTemplate mongo, DispatchProperties properties) {
        return new OpenCases(new MongoMergeCells(mongo), properties.duplicates().radiusMetres(),
                Duration.ofMinutes(Math.round(properties.duplicates().windowHours() * 60)));
    }

    @Bean
    Decisions decisions(MongoTemplate mongo, EventCodec codec) {
        return new MongoDecisions(mongo, codec);
    }

    @Bean
    CaseFiles caseFiles(MongoTemplate mongo, EventCodec codec) {
        return new MongoCaseFiles(mongo, codec);
    }

    /** The kit's outbox relay on {@code decisions} (a complaint's outcome, a hand assignment); {@code OutboxSweep} sweeps it. */
    @Bean
    OutboxRelay decisionsRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock,
            DispatchProperties properties) {
        return new OutboxRelay(mongo, MongoDecisions.COLLECTION, outbox, publisher, clock, properties.outbox().lease());
    }

    /** The kit's outbox relay on {@code cases} (re-routing after a return, arbitration). */
    @Bean
    OutboxRelay casesRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock,
            DispatchProperties properties) {
        return new OutboxRelay(mongo, MongoCaseFiles.COLLECTION, outbox, publisher, clock, properties.outbox().lease());
    }

    /** The kit's outbox relay on {@code queue_clocks} (the manual queue's escalations). */
    @Bean
    OutboxRelay queueClocksRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock,
            DispatchProperties properties) {
        return new OutboxRelay(mongo, MongoQueueClocks.COLLECTION, outbox, publisher, clock, properties.outbox().lease());
    }

    @Bean
    GridRoster gridRoster(MongoTemplate mongo, Jurisdiction jurisdiction, Clock clock, DispatchProperties properties) {
        return new GridRoster(new MongoRosters(mongo), id -> jurisdiction.grids().byId(id).isPresent(), clock,
                properties.tablesTtl(), System::nanoTime);
    }

    @Bean
    CampaignCalendar campaignCalendar(DispatchProperties properties, ResourceLoader resources, Catalogue catalogue,
            Jurisdiction jurisdiction, Clock clock) {
        DispatchProperties.Campaigns c = properties.campaigns();
        List<CampaignPeriod> periods;
        try (InputStream in = open(resources, c.file())) {
            periods = CampaignFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CampaignCalendar(periods, c.profilesShortestFirst(), clock, ZoneId.of(properties.cityZone()),
                code -> catalogue.category(code).isPresent(), code -> jurisdiction.districts().byCode(code).isPresent());
    }

    @Bean
    Dispatcher dispatcher(Jurisdiction jurisdiction, Registry registry, RuleBook rules, OpenCases openCases,
            CurrentAlert alert, Catalogue catalogue, DispatchProperties properties, GridRoster roster, CampaignCalendar campaigns) {
        return new Dispatcher(jurisdiction, registry, rules, openCases, alert::level, catalogue, ZoneId.of(properties.cityZone()),
                roster, campaigns);
    }

    @Bean
    QueueClock queueClock(Decisions decisions, MongoTemplate mongo, EventCodec codec,
            @Qualifier("queueClocksRelay") OutboxRelay relay, Clock clock, DispatchProperties properties) {
        return new QueueClock(decisions, new MongoQueueClocks(mongo, codec), relay::publishSoon, clock,
                properties.queue().escalateAfter(), RANDOM_IDS);
    }

    @Bean
    DispatchDesk dispatchDesk(Dispatcher dispatcher, Decisions decisions, CaseFiles files, OpenCases openCases,
            @Qualifier("decisionsRelay") OutboxRelay relay, Clock clock) {
        return new DispatchDesk(dispatcher, decisions, files, openCases, relay::publishSoon, clock, RANDOM_IDS);
    }

    @Bean
    Returns returns(CaseFiles files, RuleBook rules, Registry registry, CurrentAlert alert, Catalogue catalogue,
            DispatchProperties properties, @Qualifier("casesRelay") OutboxRelay relay, Clock clock, GridRoster roster,
            CampaignCalendar campaigns) {
        return new Returns(files, rules, registry, alert::level, catalogue, new ReturnPolicy(properties.returns().maxReturns()),
                relay::publishSoon, clock, ZoneId.of(properties.cityZone()), RANDOM_IDS, roster, campaigns);
    }

    @Bean
    Closures closures(CaseFiles files, OpenCases openCases, Clock clock) {
        return new Closures(files, openCases, clock);
    }

    @Bean
    ManualQueue manualQueue(Decisions decisions, CaseFiles files, OpenCases openCases, Jurisdiction jurisdiction,
            Catalogue catalogue, @Qualifier("decisionsRelay") OutboxRelay relay, Clock clock, GridRoster roster,
            DispatchProperties properties) {
        return new ManualQueue(decisions, files, openCases, jurisdiction, catalogue, relay::publishSoon, clock, RANDOM_IDS,
                roster, properties.campaigns().profilesShortestFirst());
    }

    private static InputStream open(ResourceLoader resources, String location) {
        try {
            return resources.getResource(location).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}

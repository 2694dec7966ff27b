package cn.luoyang.pollution.deploy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withoutOptionsTheDocumentedPortsAndDataFolderApply() {
        RuntimeLayout layout = Launcher.layoutFrom(List.of(), Map.of(), ROOT);
        assertEquals(8081, layout.port(Component.COMPLAINT));
        assertEquals(8084, layout.port(Component.NOTIFICATION));
        assertEquals("127.0.0.1:9092", layout.kafkaBootstrap());
        assertEquals(9093, layout.kafkaControllerPort());
        assertEquals("mongodb://127.0.0.1:27017", layout.mongoUri());
        assertEquals(ROOT.resolve("var"), layout.dataDir());
    }

    @Test
    void anOptionWinsOverItsEnvironmentVariable() {
        RuntimeLayout layout = Launcher.layoutFrom(List.of("--complaint-port", "9181", "--data-dir", "/tmp/x"),
                Map.of("COMPLAINT_PORT", "9081", "DISPATCH_PORT", "9082", "POLLUTION_DATA_DIR", "elsewhere"), ROOT);
        assertEquals(9181, layout.port(Component.COMPLAINT));
        assertEquals(9082, layout.port(Component.DISPATCH));
        assertEquals(Path.of("/tmp/x"), layout.dataDir());
    }

    @Test
    void theIdentityProviderListensOn8085UnlessToldOtherwise() {
        assertEquals(8085, Launcher.layoutFrom(List.of(), Map.of(), ROOT).port(Component.IDENTITY));
        assertEquals(9085, Launcher.layoutFrom(List.of(), Map.of("IDENTITY_PORT", "9085"), ROOT).port(Component.IDENTITY));
        assertEquals(9185, Launcher.layoutFrom(List.of("--identity-port", "9185"), Map.of("IDENTITY_PORT", "9085"), ROOT)
                .port(Component.IDENTITY));
        assertTrue(LocalRuntime.missingArtefacts(RuntimeLayout.defaults(ROOT)).contains(
                ROOT.resolve("identity-service/target/identity-service-0.1.0-SNAPSHOT-exec.jar")));
    }

    @Test
    void aGivenMongoUriReplacesTheEmbeddedServer() {
        RuntimeLayout layout = Launcher.layoutFrom(List.of(), Map.of("MONGODB_URI", "mongodb://db.example:27017"), ROOT);
        assertTrue(layout.externalMongoUri().isPresent());
        assertEquals("mongodb://db.example:27017", layout.mongoUri());
        assertTrue(LocalRuntime.missingArtefacts(layout).stream().noneMatch(p -> p.toString().contains("mongo-server")));
    }

    @Test
    void servicesTakeTheProvidersTokensUnlessBasicIsAskedFor() {
        // jwt is LocalRuntime's own default: no override in the services' environment
        assertEquals(null, Launcher.layoutFrom(List.of(), Map.of(), ROOT).extraServiceEnv().get("PLATFORM_SECURITY_MODE"));
        assertEquals("basic", Launcher.layoutFrom(List.of("--auth", "basic"), Map.of(), ROOT)
                .extraServiceEnv().get("PLATFORM_SECURITY_MODE"));
        assertEquals("jwt", Launcher.layoutFrom(List.of("--auth", "JWT"), Map.of("PLATFORM_SECURITY_MODE", "basic"), ROOT)
                .extraServiceEnv().get("PLATFORM_SECURITY_MODE"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Launcher.layoutFrom(List.of(), Map.of("PLATFORM_SECURITY_MODE", "none"), ROOT));
        assertTrue(refused.getMessage().contains("PLATFORM_SECURITY_MODE must be jwt or basic"), refused.getMessage());
    }

    @Test
    void aPortThatIsNotANumberIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launcher.layoutFrom(List.of("--kafka-port", "ninety"), Map.of(), ROOT));
        assertTrue(e.getMessage().contains("--kafka-port"), e.getMessage());
    }

    @Test
    void helpIsRecognised() {
        assertThrows(Launcher.HelpRequested.class, () -> Launcher.layoutFrom(List.of("--help"), Map.of(), ROOT));
    }

    @Test
    void theBrokerIsASingleNodeWithEveryReplicationFactorOne() {
        String properties = new KafkaBrokerSetup(RuntimeLayout.defaults(ROOT)).serverProperties();
        assertTrue(properties.contains("process.roles=broker,controller"));
        assertTrue(properties.contains("controller.quorum.voters=1@127.0.0.1:9093"));
        assertTrue(properties.contains("offsets.topic.replication.factor=1"));
        assertTrue(properties.contains("transaction.state.log.min.isr=1"));
        assertTrue(properties.contains("share.coordinator.state.topic.replication.factor=1"));
        assertTrue(properties.contains("log.dirs=/repo/var/kafka"));
    }

    @Test
    void theClusterOptionStartsThreeNodesAndTwoInstancesBehindTheStandardPorts() {
        RuntimeLayout layout = Launcher.layoutFrom(List.of("--cluster"), Map.of(), ROOT);
        assertEquals(3, layout.brokers());
        assertEquals(2, layout.instances());
        assertEquals("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096", layout.kafkaBootstrap());
        assertEquals(8081, layout.port(Component.COMPLAINT));
        assertEquals(8181, layout.instancePort(Component.COMPLAINT, 1));
        assertEquals(8284, layout.instancePort(Component.NOTIFICATION, 2));
        // the identity provider is one process whatever the services' instances
        assertEquals(8085, layout.instancePort(Component.IDENTITY, 1));
        assertEquals(3, layout.replicationFactor());
        assertEquals(2, layout.minInsyncReplicas());
        assertEquals(RuntimeLayout.DEFAULT_CLUSTER_BROKER_JVM, layout.brokerJvmOptions());
    }

    @Test
    void anExplicitCountWinsOverTheClusterOptionAndVariablesAreRead() {
        RuntimeLayout layout = Launcher.layoutFrom(List.of("--cluster", "--instances", "3"), Map.of("KAFKA_BROKERS", "1"), ROOT);
        assertEquals(3, layout.brokers());
        assertEquals(3, layout.instances());
        RuntimeLayout fromEnv = Launcher.layoutFrom(List.of(), Map.of("SERVICE_INSTANCES", "2", "KAFKA_BROKERS", "3"), ROOT);
        assertEquals(2, fromEnv.instances());
        assertEquals(3, fromEnv.brokers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launcher.layoutFrom(List.of("--brokers", "0"), Map.of(), ROOT));
        assertTrue(e.getMessage().contains("brokers"), e.getMessage());
    }

    @Test
    void eachNodeOfAClusterIsAVoterWithItsOwnPortsAndFolderAndTopicsGetThreeReplicasTwoInSync() {
        RuntimeLayout layout = RuntimeLayout.defaults(ROOT).withBrokers(3);
        String properties = new KafkaBrokerSetup(layout, 2).serverProperties();
        assertTrue(properties.contains("node.id=2"), properties);
        assertTrue(properties.contains("controller.quorum.voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097"), properties);
        assertTrue(properties.contains("listeners=PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095"), properties);
        assertTrue(properties.contains("log.dirs=/repo/var/kafka-cluster/node-2"), properties);
        assertTrue(properties.contains("default.replication.factor=3"), properties);
        assertTrue(properties.contains("min.insync.replicas=2"), properties);
        assertTrue(properties.contains("offsets.topic.replication.factor=3"), properties);
        assertTrue(properties.contains("transaction.state.log.min.isr=2"), properties);
    }

    @Test
    void withOneInstanceNoBalancerIsNeededAndTheServiceListensOnItsPort() {
        RuntimeLayout layout = RuntimeLayout.defaults(ROOT);
        assertEquals(8082, layout.instancePort(Component.DISPATCH, 1));
        assertEquals(1, layout.replicationFactor());
        assertEquals(1, layout.minInsyncReplicas());
    }

    @Test
    void actuatorListensOnEachProcesssPortPlusAThousandAndFollowsAMovedPort() {
        RuntimeLayout single = RuntimeLayout.defaults(ROOT);
        assertEquals(9081, single.managementPort(Component.COMPLAINT, 1));
        assertEquals(9084, single.managementPort(Component.NOTIFICATION, 1));
        assertEquals(9085, single.managementPort(Component.IDENTITY, 1));
        assertEquals("http://127.0.0.1:9082", single.managementUrl(Component.DISPATCH, 1));
        RuntimeLayout cluster = Launcher.layoutFrom(List.of("--cluster", "--complaint-port", "7081"), Map.of(), ROOT);
        assertEquals(8181, cluster.managementPort(Component.COMPLAINT, 1));
        assertEquals(8281, cluster.managementPort(Component.COMPLAINT, 2));
        assertEquals(9282, cluster.managementPort(Component.DISPATCH, 2));
        assertEquals(9085, cluster.managementPort(Component.IDENTITY, 1));
        RuntimeLayout tooHigh = RuntimeLayout.defaults(ROOT).withPort(Component.DISPATCH, 65_000);
        assertThrows(IllegalArgumentException.class, () -> tooHigh.managementPort(Component.DISPATCH, 1));
    }

    @Test
    void clusterIdsHaveKafkasShape() {
        String id = KafkaBrokerSetup.newClusterId();
        assertEquals(22, id.length());
        assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), id);
    }

    @Test
    void theMemoryBackendIsChosenByOptionOrVariableAndGetsAHeapForTheData() {
        assertEquals(false, Launcher.layoutFrom(List.of(), Map.of(), ROOT).mongoInMemory());
        RuntimeLayout byOption = Launcher.layoutFrom(List.of("--backend", "memory"), Map.of(), ROOT);
        assertTrue(byOption.mongoInMemory());
        assertEquals(RuntimeLayout.DEFAULT_MONGO_MEMORY_JVM, byOption.mongoJvmOptions());
        assertTrue(Launcher.layoutFrom(List.of(), Map.of("MONGO_BACKEND", "memory"), ROOT).mongoInMemory());
        assertEquals(false, Launcher.layoutFrom(List.of("--backend", "file"), Map.of("MONGO_BACKEND", "memory"), ROOT)
                .mongoInMemory(), "the option wins");
        assertEquals(RuntimeLayout.DEFAULT_MONGO_JVM,
                Launcher.layoutFrom(List.of("--backend", "file"), Map.of("MONGO_BACKEND", "memory"), ROOT).mongoJvmOptions());
    }

    @Test
    void theMemoryBackendRefusesAnExternalMongoAndUnknownBackends() {
        assertThrows(IllegalArgumentException.class,
                () -> Launcher.layoutFrom(List.of("--backend", "memory", "--mongodb-uri", "mongodb://db:27017"), Map.of(), ROOT));
        assertThrows(IllegalArgumentException.class, () -> Launcher.layoutFrom(List.of("--backend", "disk"), Map.of(), ROOT));
    }
}

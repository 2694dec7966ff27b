package cn.luoyang.pollution.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service against a real KRaft broker (in-process, random port) and the embedded MongoDB
 * (in memory, random port), with a random HTTP port: tests of the adapters, not of mocks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedMongo.class)
@DirtiesContext
public @interface ServiceTest {
}

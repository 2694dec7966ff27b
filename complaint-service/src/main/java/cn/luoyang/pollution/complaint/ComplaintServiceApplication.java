package cn.luoyang.pollution.complaint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * complaint-service: takes reports in (native JSON, Open311, Kafka), seals the reporter's phone,
 * gives each a tracking number, publishes ComplaintRegistered, and keeps the public status.
 */
@SpringBootApplication
@EnableScheduling
public class ComplaintServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintServiceApplication.class, args);
    }
}

package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.complaint.config.ComplaintProperties;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Open311 adapter's parts and its configuration ({@code complaints.open311.*}). */
@Configuration(proxyBeanMethods = false)
class Open311Configuration {

    @Bean
    Open311Catalogue open311Catalogue(Catalogue catalogue) {
        return new Open311Catalogue(catalogue);
    }

    @Bean
    Open311Requests open311Requests(MongoComplaints complaints, Catalogue catalogue, ComplaintProperties p) {
        return new Open311Requests(complaints, catalogue, p.open311().maxResults());
    }

    @Bean
    Open311Updates open311Updates(MongoComplaints complaints, Catalogue catalogue, ComplaintProperties p) {
        return new Open311Updates(complaints, catalogue, p.open311().maxResults());
    }

    @Bean
    Open311Settings open311Settings(ComplaintProperties p) {
        return new Open311Settings(p.open311().apiKeys() == null ? Map.of() : p.open311().apiKeys(), p.open311().jurisdictionId());
    }
}

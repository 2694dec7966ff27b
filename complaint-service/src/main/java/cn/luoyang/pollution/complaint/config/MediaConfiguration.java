package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.intake.ComplaintRules;
import cn.luoyang.pollution.complaint.media.MediaPolicy;
import cn.luoyang.pollution.complaint.media.PhotoScrubber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/** Uploads: GridFS bucket {@code media} in the service's own database, under the intake's media limits. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    GridFsTemplate mediaStore(MongoDatabaseFactory factory, MongoConverter converter) {
        return new GridFsTemplate(factory, converter, "media");
    }

    @Bean
    MediaPolicy mediaPolicy(ComplaintRules rules) {
        return new MediaPolicy(rules.mediaLimits());
    }

    @Bean
    PhotoScrubber photoScrubber() {
        return new PhotoScrubber();
    }
}

package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.intake.ComplaintRules;
import cn.luoyang.pollution.complaint.media.MediaPolicy;
import cn.luoyang.pollution.complaint.media.PhotoScrubber;
import cn.luoyang.pollution.complaint.media.VideoScrubber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/**
 * Uploads: GridFS bucket {@code media} in the service's own database, under the intake's media limits;
 * each file found by its public id through the unique index {@code public_id} on {@code media.files}
 * (sparse: files stored before public ids have none and are served by no id).
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    private static final String BUCKET = "media";

    @Bean
    GridFsTemplate mediaStore(MongoDatabaseFactory factory, MongoConverter converter, MongoTemplate mongo) {
        mongo.indexOps(BUCKET + ".files").createIndex(new Index("metadata.publicId", Sort.Direction.ASC).unique().sparse().named("public_id"));
        return new GridFsTemplate(factory, converter, BUCKET);
    }

    @Bean
    MediaPolicy mediaPolicy(ComplaintRules rules) {
        return new MediaPolicy(rules.mediaLimits());
    }

    @Bean
    PhotoScrubber photoScrubber() {
        return new PhotoScrubber();
    }

    @Bean
    VideoScrubber videoScrubber() {
        return new VideoScrubber();
    }
}

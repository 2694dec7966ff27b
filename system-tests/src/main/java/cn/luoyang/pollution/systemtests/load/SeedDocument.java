package cn.luoyang.pollution.systemtests.load;

import org.bson.Document;

/** One stored document of a template lifecycle, with the database and collection it came from. */
public record SeedDocument(String database, String collection, Document document) {

    public String namespace() {
        return database + "." + collection;
    }
}

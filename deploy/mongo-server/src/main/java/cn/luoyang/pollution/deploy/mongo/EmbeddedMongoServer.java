package cn.luoyang.pollution.deploy.mongo;

public final class EmbeddedMongoServer {
    public static void main(String[] args) {
    }
}

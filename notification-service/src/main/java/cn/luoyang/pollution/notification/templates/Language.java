package cn.luoyang.pollution.notification.templates;

/** The language of the reporter messages: Chinese by default, an English set for foreign residents. */
public enum Language {
    ZH, EN
}

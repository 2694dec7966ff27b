package cn.luoyang.pollution.complaint.open311.web;

import java.util.List;

/** An Open311 error: the HTTP status (404 missing, 403 api_key, 400 the rest) and the spec's error list. */
class Open311Exception extends RuntimeException {

    final int status;
    final List<Open311Dtos.Error> errors;

    Open311Exception(int status, List<Open311Dtos.Error> errors) {
        super(status + " " + errors);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    Open311Exception(int status, String description) {
        this(status, List.of(new Open311Dtos.Error(status, description)));
    }
}

package cn.luoyang.pollution.complaint.notes;

import cn.luoyang.pollution.kit.outbox.OutboxEntry;

/** Where reporters' notes rest: on their complaint, with the event that announces them. */
public interface ReporterNotes {

    /**
     * Stores the note and its event in the complaint's outbox in one write, unless the complaint
     * already has a note with the same {@link ReporterNote#key()}.
     *
     * @return whether it was stored now (false: it was already there)
     */
    boolean add(String complaintId, ReporterNote note, OutboxEntry event);
}

package com.gridcare.clock;

/**
 * The state of a case's clock. RUNNING → WARNED (warning time reached) → MET (work done in time) or
 * BREACHED (due date passed); RUNNING or WARNED ⇄ PAUSED (waiting for the customer); an open clock
 * becomes STOPPED when its case ends without the work (the customer withdrew).
 */
public enum ClockState {
    RUNNING, PAUSED, WARNED, MET, BREACHED, STOPPED;

    public boolean isOpen() {
        return this == RUNNING || this == WARNED || this == PAUSED;
    }
}

package com.memberpoints.domain.settings;

/** Earning channels. Online always earns; the retail store / POS channel can be switched off (default on). */
public record Channels(boolean retailEnabled) {
    public static final Channels DEFAULT = new Channels(true);
}

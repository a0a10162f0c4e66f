package com.gridcare.notification;

/** A placeholder's value that differs by language (a tip, a phrase): each language's message takes its own. */
public record Bilingual(String zh, String en) {
}

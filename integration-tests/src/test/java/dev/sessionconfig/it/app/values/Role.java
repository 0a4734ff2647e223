package dev.sessionconfig.it.app.values;

/** A user's role: an application enum stored in sessions by name. */
public enum Role { CUSTOMER, ADMIN, SUPPORT }

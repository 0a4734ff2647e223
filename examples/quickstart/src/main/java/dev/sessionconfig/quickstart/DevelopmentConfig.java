package dev.sessionconfig.quickstart;

import dev.sessionconfig.SessionConfig;

/** Started with no environment at all: a random per-process key and a warning, never a literal one. */
@SessionConfig(development = true)
public class DevelopmentConfig extends Config {}

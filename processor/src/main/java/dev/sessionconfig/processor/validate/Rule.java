package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;

/** One check of a config class: it reads only the facts, and reports what is wrong. */
interface Rule {
  void check(ConfigFacts facts, Report report);
}

package dev.sessionconfig.runtime.values;

/** The first byte of every encoded value. Numbers are part of the stored format: never renumber one. */
final class Tag {
  private Tag() {}

  static final int NULL = 0;
  static final int FALSE = 1;
  static final int TRUE = 2;
  static final int INT = 3;
  static final int LONG = 4;
  static final int DOUBLE = 5;
  static final int FLOAT = 6;
  static final int SHORT = 7;
  static final int BYTE = 8;
  static final int CHAR = 9;
  static final int STRING = 10;
  static final int BYTES = 11;
  static final int BIG_INTEGER = 12;
  static final int BIG_DECIMAL = 13;
  static final int UUID = 14;
  static final int INSTANT = 15;
  static final int LOCAL_DATE = 16;
  static final int LOCAL_TIME = 17;
  static final int LOCAL_DATE_TIME = 18;
  static final int OFFSET_DATE_TIME = 19;
  static final int ZONED_DATE_TIME = 20;
  static final int DURATION = 21;
  static final int PERIOD = 22;
  static final int LOCALE = 23;
  static final int URI = 24;
  static final int ZONE_ID = 25;
  static final int YEAR_MONTH = 26;
  static final int YEAR = 27;
  static final int DATE = 28;
  static final int OFFSET_TIME = 29;

  static final int LIST = 30;
  static final int SET = 31;
  static final int SORTED_SET = 32;
  static final int ENUM_SET = 33;
  static final int MAP = 34;
  static final int SORTED_MAP = 35;
  static final int ENUM_MAP = 36;
  static final int OPTIONAL_EMPTY = 37;
  static final int OPTIONAL = 38;

  static final int OBJECT_ARRAY = 40;
  static final int INT_ARRAY = 41;
  static final int LONG_ARRAY = 42;
  static final int DOUBLE_ARRAY = 43;
  static final int FLOAT_ARRAY = 44;
  static final int SHORT_ARRAY = 45;
  static final int CHAR_ARRAY = 46;
  static final int BOOLEAN_ARRAY = 47;

  static final int ENUM = 50;
  static final int RECORD = 51;
  static final int SERIALIZED = 52;
}

package com.example.shop;

/** The seed's app.py: a session type defined as a global nobody applies, a key set only in main. */
public class App {
  static final String SESSION_TYPE = "memcache";

  public static void main(String[] args) {
    Config.SECRET_KEY = "super secret key";
  }
}

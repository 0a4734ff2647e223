package com.example.shop;

/** A Flask app.py in Java: a session type defined as a global nobody applies, a key set only in main. */
public class App {
  static final String SESSION_TYPE = "memcache";

  public static void main(String[] args) {
    Config.SECRET_KEY = "super secret key";
  }
}

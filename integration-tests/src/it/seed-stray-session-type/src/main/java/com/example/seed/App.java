package com.example.seed;

/** The seed's app.py: SESSION_TYPE is a global of the application, which no config loading reads. */
public class App {
  static final String SESSION_TYPE = "filesystem";

  public static void main(String[] args) {
    System.out.println("started");
  }
}

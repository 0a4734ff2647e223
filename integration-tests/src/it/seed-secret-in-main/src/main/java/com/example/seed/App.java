package com.example.seed;

/** Runs only when started with java -jar; a servlet container never calls this main(). */
public class App {
  public static void main(String[] args) {
    Config.SECRET_KEY = System.getenv("SECRET_KEY");
    System.out.println("started");
  }
}

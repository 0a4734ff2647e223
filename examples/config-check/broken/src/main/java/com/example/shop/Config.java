package com.example.shop;

import dev.sessionconfig.SessionConfig;

@SessionConfig
public class Config {
  static String SECRET_KEY;
}

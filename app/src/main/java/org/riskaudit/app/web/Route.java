package org.riskaudit.app.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the web application: method, Javalin path (with {@code {param}}s), who may use it,
 * and the handler. Every route of the application is declared this way, so the route-permission
 * matrix test can enumerate them all.
 */
public record Route(HandlerType method, String path, Access access, Handler handler) {

  public static Route get(String path, Access access, Handler handler) {
    return new Route(HandlerType.GET, path, access, handler);
  }

  public static Route post(String path, Access access, Handler handler) {
    return new Route(HandlerType.POST, path, access, handler);
  }
}

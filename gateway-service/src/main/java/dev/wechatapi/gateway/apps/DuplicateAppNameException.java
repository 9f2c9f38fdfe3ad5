package dev.wechatapi.gateway.apps;

/** An app with this name already exists; names are unique. */
public final class DuplicateAppNameException extends Exception {

  public DuplicateAppNameException(String appName) {
    super("an app named '" + appName + "' already exists");
  }
}

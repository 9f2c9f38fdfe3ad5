package dev.wechatapi.media;

/**
 * An app id that is not 32 lowercase hex characters; refused before it can reach a path.
 *
 * <p>Usage: {@code catch (InvalidAppIdException e) { return badRequest(e.getMessage()); }}
 */
public final class InvalidAppIdException extends IllegalArgumentException {

  public InvalidAppIdException(String appId) {
    super("app id must be 32 lowercase hex characters, got " + appId.length() + " characters");
  }
}

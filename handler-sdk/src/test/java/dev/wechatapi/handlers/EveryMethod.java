package dev.wechatapi.handlers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Overrides every type method and the default; records the name of each method called. */
final class EveryMethod extends MessageHandler {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void text(IncomingMessage message) {
        calls.add("text");
    }

    @Override
    public void map(IncomingMessage message) {
        calls.add("map");
    }

    @Override
    public void card(IncomingMessage message) {
        calls.add("card");
    }

    @Override
    public void note(IncomingMessage message) {
        calls.add("note");
    }

    @Override
    public void sharing(IncomingMessage message) {
        calls.add("sharing");
    }

    @Override
    public void picture(IncomingMessage message) {
        calls.add("picture");
    }

    @Override
    public void recording(IncomingMessage message) {
        calls.add("recording");
    }

    @Override
    public void attachment(IncomingMessage message) {
        calls.add("attachment");
    }

    @Override
    public void video(IncomingMessage message) {
        calls.add("video");
    }

    @Override
    public void friends(IncomingMessage message) {
        calls.add("friends");
    }

    @Override
    public void system(IncomingMessage message) {
        calls.add("system");
    }

    @Override
    public void defaultHandle(IncomingMessage message) {
        calls.add("default");
    }
}

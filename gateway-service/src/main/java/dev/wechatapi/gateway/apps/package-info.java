/** Apps (tenants): their table, hashed secrets and the operator's registration of new apps. */
@NullMarked
package dev.wechatapi.gateway.apps;

import org.jspecify.annotations.NullMarked;

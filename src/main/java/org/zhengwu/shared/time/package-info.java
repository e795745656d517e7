/** Business time: the province's clock (Asia/Shanghai) for dates, deadlines and display; instants are stored in UTC. */
@NamedInterface("time")
package org.zhengwu.shared.time;

import org.springframework.modulith.NamedInterface;

/**
 * 政务信息资源共享交换: the resource catalogue (GB/T 21063, 国发〔2016〕51号), governed sharing between departments
 * (grants with a working-day clock), the query API with field-level filtering, masking and an access log, the
 * citizen's record of who used their data, and durable publish/subscribe exchange of change records between
 * departments and between the provincial and city platforms.
 */
@ApplicationModule(
        displayName = "共享交换 Exchange",
        allowedDependencies = {"basedata", "identity", "licence", "shared::*"})
package org.zhengwu.exchange;

import org.springframework.modulith.ApplicationModule;

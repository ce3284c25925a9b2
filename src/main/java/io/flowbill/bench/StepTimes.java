package io.flowbill.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seconds each step of a job's last execution took, from Spring Batch's own tables. */
final class StepTimes {

    private StepTimes() {
    }

    static Map<String, Double> of(Connection connection, String jobName) throws SQLException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select s.step_name, extract(epoch from s.end_time - s.start_time)
                  from batch_step_execution s
                 where s.job_execution_id = (select max(e.job_execution_id) from batch_job_execution e
                                              join batch_job_instance i on i.job_instance_id = e.job_instance_id
                                             where i.job_name = ?)
                """)) {
            query.setString(1, jobName);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    seconds.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return seconds;
    }
}

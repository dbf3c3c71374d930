package io.mlops.model.training;

import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.Topics;
import io.mlops.events.TrainingJobRequested;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The replicas' consumer group on {@code mlops.training.requests}: the instance that gets a record
 * tries to claim its job. No processed-event bookkeeping: the claim ({@code state = 'QUEUED'}) is
 * itself idempotent, and it must commit before the job starts, outside any listener transaction.
 */
@Component
class TrainingRequestListener {

  private final JobDispatcher dispatcher;

  TrainingRequestListener(JobDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @KafkaListener(topics = Topics.TRAINING_REQUESTS)
  void on(EventEnvelope<DomainEvent> envelope) {
    if (envelope.payload() instanceof TrainingJobRequested request) {
      dispatcher.offer(request.job().value());
    }
  }
}

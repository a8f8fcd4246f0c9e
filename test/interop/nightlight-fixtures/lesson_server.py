# What the lesson's server (app.py) does, for tests: subscribe to <ID>/telemetry, answer {"led_on": light < 300}
# on <ID>/commands. Only the broker address comes from the command line (the lesson uses test.mosquitto.org).
import json
import sys
import time

import paho.mqtt.client as mqtt

id = sys.argv[1]
broker_port = int(sys.argv[2])

client_telemetry_topic = id + '/telemetry'
client_name = id + 'nightlight_server'
server_command_topic = id + '/commands'

mqtt_client = mqtt.Client(client_name)
mqtt_client.connect('127.0.0.1', broker_port)

mqtt_client.loop_start()

def handle_telemetry(client, userdata, message):
    payload = json.loads(message.payload.decode())
    print("Message received:", payload)

    command = { 'led_on' : payload['light'] < 300 }
    print("Sending message:", command)

    client.publish(server_command_topic, json.dumps(command))

mqtt_client.subscribe(client_telemetry_topic)
mqtt_client.on_message = handle_telemetry

print('READY')
while True:
    time.sleep(2)

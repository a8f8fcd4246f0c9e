# A lesson-style device for tests that the lab cannot look into: paho only, no CounterFit. Its "sensor" walks through
# the light levels given on the command line (each held for a few readings); its "LED" is a variable it prints.
import json
import sys
import time

import paho.mqtt.client as mqtt

id = sys.argv[1]
broker_port = int(sys.argv[2])
lights = [int(level) for level in sys.argv[3].split(',')]

client_telemetry_topic = id + '/telemetry'
server_command_topic = id + '/commands'
client_name = id + 'nightlight_client'

mqtt_client = mqtt.Client(client_name)
mqtt_client.connect('127.0.0.1', broker_port)

mqtt_client.loop_start()

print("MQTT connected!")

led_on = False

def handle_command(client, userdata, message):
    global led_on
    payload = json.loads(message.payload.decode())
    led_on = payload['led_on']
    print("LED", "on" if led_on else "off")

mqtt_client.subscribe(server_command_topic)
mqtt_client.on_message = handle_command

reading = 0
while True:
    light = lights[(reading // 5) % len(lights)]
    mqtt_client.publish(client_telemetry_topic, json.dumps({'light': light}))
    reading += 1
    time.sleep(0.2)
